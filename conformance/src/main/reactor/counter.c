#include <stdio.h>
#include <stdlib.h>

static int count;

__attribute__((constructor)) static void announce(void) {
    count = atoi(getenv("START") ? getenv("START") : "0");
    printf("reactor ready at %d\n", count);
    fflush(stdout);
}

__attribute__((export_name("bump"))) int bump(int by) {
    count += by;
    printf("count %d\n", count);
    fflush(stdout);
    return count;
}
