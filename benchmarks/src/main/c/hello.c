/* Workload 5, startup: the smallest program that talks to its host; the driver instantiates and runs it 200 times. */
#include <stdio.h>

int main(void) {
    printf("hello, world\n");
    return 0;
}
