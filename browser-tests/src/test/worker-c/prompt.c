/*
 * A prompt loop: greets with /sandbox/greeting.txt, answers each line with its length, records the lines in
 * /sandbox/answers.txt and removes /sandbox/old.txt; "quit" ends it with exit code 3, end of input with 1.
 */
#include <stdio.h>
#include <string.h>

static void strip(char *text) {
    text[strcspn(text, "\n")] = '\0';
}

int main(void) {
    char greeting[64] = "Hello";
    FILE *in = fopen("/sandbox/greeting.txt", "r");
    if (in) {
        if (!fgets(greeting, sizeof greeting, in)) greeting[0] = '\0';
        strip(greeting);
        fclose(in);
    }
    remove("/sandbox/old.txt");
    FILE *log = fopen("/sandbox/answers.txt", "w");
    if (!log) {
        perror("answers.txt");
        return 2;
    }
    char line[256];
    for (;;) {
        printf("> ");
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            printf("(end of input)\n");
            fclose(log);
            return 1;
        }
        strip(line);
        fprintf(log, "%s\n", line);
        if (strcmp(line, "quit") == 0) {
            printf("%s, bye\n", greeting);
            fclose(log);
            return 3;
        }
        printf("%s, %s: %zu letters\n", greeting, line, strlen(line));
    }
}
