// cxx_iostream: libc++'s iostreams over WASI stdio: std::cin parsing the case's stdin, std::cout
// and std::cerr output, formatting through <iomanip> and string streams.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "check.h"

int main() {
    check_begin("cxx_iostream");

    int a = 0, b = 0;
    std::cin >> a >> b;
    CHECK_TRUE("std::cin read two ints", static_cast<bool>(std::cin));
    CHECK_INT("first int", a, 21);
    CHECK_INT("second int", b, 2);
    std::string word;
    std::cin >> word;
    CHECK_STR("a word", word.c_str(), "hello");
    std::string rest;
    std::getline(std::cin, rest);
    CHECK_STR("getline takes the rest of the line", rest.c_str(), " iostream world");
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(std::cin, line)) {
        lines.push_back(line);
    }
    CHECK_INT("three more lines", lines.size(), 3);
    CHECK_STR("an empty line", lines.size() > 0 ? lines[0].c_str() : "", "");
    CHECK_STR("a UTF-8 line", lines.size() > 1 ? lines[1].c_str() : "", "grüße ✓");
    CHECK_STR("the last line without a newline", lines.size() > 2 ? lines[2].c_str() : "", "end");
    CHECK_TRUE("std::cin is at eof", std::cin.eof());

    std::ostringstream out;
    out << std::hex << 255 << ' ' << std::dec << std::setw(6) << std::setfill('0') << 42 << ' ' << std::fixed
        << std::setprecision(3) << 3.14159 << ' ' << std::scientific << std::setprecision(2) << 12345.678 << ' '
        << std::boolalpha << true;
    CHECK_STR("formatting through <iomanip>", out.str().c_str(), "ff 000042 3.142 1.23e+04 true");

    std::istringstream in("7 -3 12 0 5");
    std::vector<int> numbers;
    for (int n; in >> n;) {
        numbers.push_back(n);
    }
    std::sort(numbers.begin(), numbers.end());
    std::ostringstream joined;
    for (int n : numbers) {
        joined << n << ',';
    }
    CHECK_STR("parsed and sorted", joined.str().c_str(), "-3,0,5,7,12,");

    std::map<std::string, int> counts;
    std::istringstream text("b a c a b a");
    for (std::string w; text >> w;) {
        counts[w]++;
    }
    CHECK_INT("map counts a", counts["a"], 3);
    CHECK_INT("map counts b", counts["b"], 2);

    std::cout << "product " << a * b << std::endl;
    std::cout << "unicode " << lines.at(1) << '\n';
    std::cout.flush();
    CHECK_TRUE("std::cout is good", static_cast<bool>(std::cout));
    std::cerr << "to std::cerr " << 42 << std::endl;
    std::clog << "to std::clog" << std::endl;
    CHECK_TRUE("std::cerr is good", static_cast<bool>(std::cerr));
    std::cout << std::flush;
    return check_done();
}
