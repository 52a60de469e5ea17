/* Writes 300,000 numbered lines (7.8 MB) as fast as it can: the terminal must keep up and the page stay live. */
#include <stdio.h>

int main(void) {
    for (int i = 1; i <= 300000; i++) printf("line %06d of 300000 ...\n", i);
    return 0;
}
