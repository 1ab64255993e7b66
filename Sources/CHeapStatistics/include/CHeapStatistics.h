// glibc's heap counters for kruise-bench: Swift's Glibc module does not export <malloc.h>.
#ifndef KRUISE_CHEAP_STATISTICS_H
#define KRUISE_CHEAP_STATISTICS_H
#include <stddef.h>

/// Bytes in use on the C heap (arena chunks plus mmapped blocks); 0 where glibc's mallinfo2 is missing.
size_t kruise_heap_in_use_bytes(void);

#endif
