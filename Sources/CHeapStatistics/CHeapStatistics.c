#include "CHeapStatistics.h"
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
size_t kruise_heap_in_use_bytes(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
#else
size_t kruise_heap_in_use_bytes(void) { return 0; }
#endif
