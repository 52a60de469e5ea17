// The examples: programs built from web-demo/src/main/{c,cpp} at build time, each with its default arguments and
// environment and the sample files it works on (put into the file tree when the example is chosen, unless a file
// of that name is already there). Those with threads: true are pthread programs (web-demo/src/main/threads), run by
// wasi-polyfill/threads, which needs a cross-origin isolated page.

const POEM = `Autumn Inventory

The maples count their coins of red and gold,
and spend them all before the week is out.
The river keeps its ledger in the cold;
the geese fly south and never have a doubt.

The baker's window steams with cinnamon;
the children kick the leaves along the lane.
And when the last bright afternoon is done,
the lamps come on, and it begins to rain.
`;

const TODO = `# To do
- [x] compile the examples with clang-19
- [ ] run them in the browser
- [ ] read stdin line by line
- [ ] draw a progress bar
`;

const FRUITS = ['pear', 'apple', 'fig', 'banana', 'cherry', 'apple', 'kiwi', 'date', 'fig', 'mango', 'lime']
  .join('\n') + '\n';

const NUMBERS = ['42', '7', '1000', '3.14', '-5', '256', '19', '0', '88'].join('\n') + '\n';

const README = `This is the playground's filesystem: the programs see it as "/" (preopened),
and their working directory is "/". Edit, upload, rename or delete files on the
left; what a program writes here stays for the next run (until you reload).
`;

const HELLO_SOURCE = `#include <stdio.h>

int main(void) {
    printf("hello, world\\n");
    return 0;
}
`;

export const SAMPLE_FILES = {
  '/README.txt': README,
  '/poem.txt': POEM,
  '/notes/todo.md': TODO,
  '/data/fruits.txt': FRUITS,
  '/data/numbers.txt': NUMBERS,
  '/src/hello.c': HELLO_SOURCE,
};

export const EXAMPLES = [
  {
    name: 'hello',
    source: 'hello.c',
    summary: 'arguments, environment, stdout and stderr',
    args: 'first "second arg"',
    env: 'NAME=Ada',
    files: [],
  },
  {
    name: 'cat',
    source: 'cat.c',
    summary: 'print files, -n numbers lines',
    args: '-n poem.txt',
    env: '',
    files: ['/poem.txt'],
  },
  {
    name: 'wc',
    source: 'wc.c',
    summary: 'count lines, words and bytes',
    args: 'poem.txt notes/todo.md data/fruits.txt',
    env: '',
    files: ['/poem.txt', '/notes/todo.md', '/data/fruits.txt'],
  },
  {
    name: 'grep',
    source: 'grep.c',
    summary: 'search with regular expressions',
    args: '-n -i "the (river|lamps)|rain" poem.txt',
    env: '',
    files: ['/poem.txt'],
  },
  {
    name: 'sort',
    source: 'sort.c',
    summary: 'sort lines: -r, -n, -u',
    args: '-u data/fruits.txt',
    env: '',
    files: ['/data/fruits.txt', '/data/numbers.txt'],
  },
  {
    name: 'ls',
    source: 'ls.c',
    summary: 'ls -lR: the tree with sizes and times',
    args: '/',
    env: '',
    files: Object.keys(SAMPLE_FILES),
  },
  {
    name: 'catalog',
    source: 'catalog.cpp',
    summary: 'C++: iostream, std::filesystem::path, ofstream',
    args: '/ catalog.txt',
    env: '',
    files: Object.keys(SAMPLE_FILES),
  },
  {
    name: 'calc',
    source: 'calc.c',
    summary: 'interactive: answers each line you type',
    args: '',
    env: '',
    files: [],
  },
  {
    name: 'colors',
    source: 'colors.c',
    summary: 'ANSI colours and styles',
    args: '',
    env: '',
    files: [],
  },
  {
    name: 'primes',
    source: 'primes.c',
    summary: 'a long computation with a progress bar',
    args: '300000000',
    env: '',
    files: [],
  },
  {
    name: 'parallel',
    source: 'parallel.c',
    summary: 'threads: a computation split over N threads, and its speed-up',
    args: '4',
    env: '',
    files: [],
    threads: true,
  },
  {
    name: 'pipeline',
    source: 'pipeline.c',
    summary: 'threads: producer and consumer writing one file',
    args: '',
    env: '',
    files: [],
    threads: true,
  },
];
