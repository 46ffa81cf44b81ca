// File: text/stemmer.h
//
// Stemming, the one place a word is reduced to its stem:
//
//   Stemmer stemmer;                          // Snowball English (Porter 2)
//   stemmer.Stem("meetings");                 // -> "meet"
//   Stemmer porter(StemmerAlgorithm::kPorter);// the original Porter (1980)
//   LightStemLength("arrested", 8);           // -> 6 ("arrest")
//
// Three algorithms because three consumers need different things: term
// vectors and claims compare outlets' wordings and want Snowball English; the
// ROUGE view must stem as ROUGE-1.5.5 does, which is the original Porter
// stemmer; the fingerprint hashes every word of every article and wants a
// cheap suffix strip that never allocates. All take ASCII-lower-cased words
// (the lower-cased views of words.h).
#ifndef NEWSFUSE_TEXT_STEMMER_H_
#define NEWSFUSE_TEXT_STEMMER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

struct sb_stemmer;

namespace newsfuse::text {

enum class StemmerAlgorithm : uint8_t {
  kEnglish,  // Snowball "english" (Porter 2)
  kPorter,   // Snowball "porter": the original Porter stemmer, as ROUGE uses
};

// A Snowball stemmer (libstemmer). Not thread-safe (Snowball keeps state in
// the stemmer): one per thread, cheap to make.
class Stemmer {
 public:
  explicit Stemmer(StemmerAlgorithm algorithm = StemmerAlgorithm::kEnglish);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of an ASCII-lower-cased word. The view lives until the next call
  // (or points at `lower_word` itself when the stemmer could not be made).
  std::string_view Stem(std::string_view lower_word);

 private:
  struct StemmerDeleter {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
};

// A light English suffix stripper (not Porter): the length of the stem of
// the lower-cased word `w[0, n)`. "arrested" and "arrests" meet "arrest",
// "checks" meets "check"; words of three letters or fewer are left alone so
// that "bus" keeps its meaning (though "news" meets "new"). Allocation-free,
// for per-token hashing.
inline size_t LightStemLength(const char* w, size_t n) {
  auto ends_with = [&](const char* suffix, size_t m) { return n >= m && std::memcmp(w + n - m, suffix, m) == 0; };
  if (n > 5 && ends_with("ing", 3)) return n - 3;
  if (n > 4 && ends_with("ed", 2)) return n - 2;
  if (n > 4 && ends_with("es", 2)) return n - 2;
  if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') return n - 1;
  return n;
}

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_STEMMER_H_
