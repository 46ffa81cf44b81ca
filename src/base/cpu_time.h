// File: base/cpu_time.h
//
// CPU time of the calling thread, for the speed figures that the eval verbs
// and newsfuse-bench print: on a shared machine wall time includes waiting
// for a core, CPU time does not.
#ifndef NEWSFUSE_BASE_CPU_TIME_H_
#define NEWSFUSE_BASE_CPU_TIME_H_

#include <time.h>

namespace newsfuse::base {

inline double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_CPU_TIME_H_
