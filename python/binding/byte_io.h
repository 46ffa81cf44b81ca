// File: python/binding/byte_io.h
//
// Little-endian, length-prefixed writing and reading of the byte formats the
// Python module hands between the steps of a distributed run (article
// records, document counts, scoring views). A Reader that runs past its
// input turns !ok() and returns zeros, so a decoder checks once at the end.
#ifndef NEWSFUSE_PYTHON_BYTE_IO_H_
#define NEWSFUSE_PYTHON_BYTE_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::python {

class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}
  template <typename T>
  void Put(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));  // x86-64 and aarch64: little-endian
    out_.append(bytes, sizeof(T));
  }
  void String(std::string_view s) {
    Put(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    Put(static_cast<uint16_t>(values.size()));
    for (T v : values) Put(v);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }
  template <typename T>
  T Get() {
    T value{};
    if (in_.size() < sizeof(T)) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return value;
  }
  std::string String() {
    const uint32_t n = Get<uint32_t>();
    if (!ok_ || in_.size() < n) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  template <typename T>
  std::vector<T> Array() {
    const uint16_t n = Get<uint16_t>();
    std::vector<T> values;
    if (!ok_ || in_.size() < size_t{n} * sizeof(T)) {
      ok_ = false;
      return values;
    }
    values.reserve(n);
    for (uint16_t k = 0; k < n; ++k) values.push_back(Get<T>());
    return values;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace newsfuse::python

#endif  // NEWSFUSE_PYTHON_BYTE_IO_H_
