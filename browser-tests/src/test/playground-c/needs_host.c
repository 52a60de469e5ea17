// clang: -Wl,--allow-undefined
/* Calls a function it expects its host to supply (env.host_log): the playground provides only WASI, and says so. */
extern void host_log(int value);

int main(void) {
    host_log(42);
    return 0;
}
