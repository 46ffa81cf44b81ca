#include "ingest/html_gunzip.h"

#include <zlib.h>

#include <string>

namespace newsfuse::ingest {

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

namespace {

// Window bits: 15 + 32 lets zlib detect gzip or zlib headers; -15 is raw deflate
// (what some servers send for "Content-Encoding: deflate").
int WindowBitsFor(std::string_view bytes) {
  if (LooksGzipped(bytes)) return 15 + 16;
  if (bytes.size() >= 2) {
    const unsigned cmf = static_cast<unsigned char>(bytes[0]);
    const unsigned flg = static_cast<unsigned char>(bytes[1]);
    if ((cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0) return 15;  // zlib header
  }
  return -15;
}

}  // namespace

Result<std::string> Inflate(std::string_view subject, std::string_view bytes,
                            uint64_t max_output_bytes) {
  z_stream zs{};
  const int window_bits = WindowBitsFor(bytes);
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    return Status::Internal(subject, "zlib could not start");
  }
  std::string out;
  out.resize(std::min<uint64_t>(max_output_bytes, std::max<size_t>(bytes.size() * 4, 4096)));
  size_t produced = 0;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  Status error;
  while (true) {
    if (produced == out.size()) {
      if (out.size() >= max_output_bytes) {
        error = Status::ResourceExhausted(
            subject, "inflates to more than " + std::to_string(max_output_bytes) + " bytes");
        break;
      }
      out.resize(std::min<uint64_t>(max_output_bytes, out.size() * 2));
    }
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(out.size() - produced);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    produced = out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members form one file (RFC 1952 section 2.2).
      if (window_bits == 15 + 16 && zs.avail_in >= 2 &&
          LooksGzipped(std::string_view(reinterpret_cast<const char*>(zs.next_in), zs.avail_in))) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      error = Status::DataLoss(subject, "compressed data is cut short");
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error = Status::DataLoss(subject, std::string("compressed data is damaged (") +
                                            (zs.msg ? zs.msg : "zlib error") + ")");
      break;
    }
  }
  inflateEnd(&zs);
  if (!error.ok()) return error;
  out.resize(produced);
  return out;
}

}  // namespace newsfuse::ingest
