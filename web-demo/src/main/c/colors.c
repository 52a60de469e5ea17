/* Prints the ANSI terminal colours: the 16 standard ones, text styles, the 256-colour palette and a 24-bit
 * gradient. */
#include <stdio.h>

int main(void) {
    static const char *names[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
    printf("\033[1mStandard colours\033[0m (SGR 30-37, bright 90-97)\n");
    for (int i = 0; i < 8; i++) printf("\033[%dm%-8s\033[0m ", 30 + i, names[i]);
    printf("\n");
    for (int i = 0; i < 8; i++) printf("\033[%dm%-8s\033[0m ", 90 + i, names[i]);
    printf("\n");
    for (int i = 0; i < 8; i++) printf("\033[%d;%dm %-7s\033[0m ", 40 + i, (1 << i) & 0xcc ? 30 : 97, names[i]);
    printf("\n\n\033[1mStyles\033[0m\n");
    printf("\033[1mbold\033[0m  \033[2mdim\033[0m  \033[3mitalic\033[0m  \033[4munderline\033[0m  "
           "\033[7mreverse\033[0m  \033[9mstrikethrough\033[0m\n\n");
    printf("\033[1m256-colour palette\033[0m (SGR 38;5;N / 48;5;N)\n");
    for (int i = 0; i < 16; i++) printf("\033[48;5;%dm  \033[0m", i);
    printf("\n");
    for (int row = 0; row < 6; row++) {
        for (int col = 0; col < 36; col++) printf("\033[48;5;%dm \033[0m", 16 + row * 36 + col);
        printf("\n");
    }
    for (int i = 232; i < 256; i++) printf("\033[48;5;%dm  \033[0m", i);
    printf("\n\n\033[1m24-bit colour\033[0m (SGR 38;2;R;G;B)\n");
    for (int i = 0; i < 64; i++) {
        int r = i < 32 ? 255 - i * 8 : 0, g = i < 32 ? i * 8 : 255 - (i - 32) * 8, b = i < 32 ? 0 : (i - 32) * 8;
        printf("\033[48;2;%d;%d;%dm \033[0m", r, g, b);
    }
    printf("\n\033[38;2;255;160;0mThis line is orange\033[0m, \033[38;5;45mthis one is sky blue\033[0m.\n");
    fprintf(stderr, "\033[33mwarning:\033[0m a message on stderr, coloured too\n");
    return 0;
}
