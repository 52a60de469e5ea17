// clang: -mexec-model=reactor
/* A reactor (exports _initialize and add, no _start): a library, which the playground must refuse to run. */
__attribute__((export_name("add"))) int add(int a, int b) {
    return a + b;
}
