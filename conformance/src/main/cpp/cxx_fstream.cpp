// cxx_fstream: libc++'s file streams over WASI files in /sandbox: text and binary writes read
// back exactly, append and update modes, seeking, and failures to open.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "check.h"
#include "fstream_support.h"

static std::string slurp(const char *path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

int main() {
    check_begin("cxx_fstream");
    {
        std::ofstream out("/sandbox/lines.txt");
        CHECK_TRUE("ofstream opens a new file", out.is_open());
        out << "first line\n" << 42 << ' ' << 2.5 << '\n' << "grüße ✓\n";
        out.close();
        CHECK_TRUE("ofstream closes cleanly", !out.fail());
    }
    CHECK_STR("the text reads back exactly", slurp("/sandbox/lines.txt").c_str(), "first line\n42 2.5\ngrüße ✓\n");
    {
        std::ifstream in("/sandbox/lines.txt");
        std::string line;
        std::getline(in, line);
        CHECK_STR("getline 1", line.c_str(), "first line");
        int i = 0;
        double d = 0;
        in >> i >> d;
        CHECK_INT("extract an int", i, 42);
        CHECK_TRUE("extract a double", d == 2.5);
        in.ignore(1);
        std::getline(in, line);
        CHECK_STR("getline of UTF-8", line.c_str(), "grüße ✓");
        CHECK_TRUE("no more lines", !std::getline(in, line));
        CHECK_TRUE("eof reached", in.eof());
    }
    {
        std::ofstream out("/sandbox/lines.txt", std::ios::app);
        out << "appended\n";
    }
    CHECK_STR("std::ios::app appends", slurp("/sandbox/lines.txt").c_str(),
              "first line\n42 2.5\ngrüße ✓\nappended\n");
    {
        std::ofstream out("/sandbox/lines.txt", std::ios::trunc);
        out << "short\n";
    }
    CHECK_STR("std::ios::trunc replaces", slurp("/sandbox/lines.txt").c_str(), "short\n");

    std::vector<char> bytes(256);
    for (int i = 0; i < 256; i++) {
        bytes[i] = static_cast<char>(i);
    }
    {
        std::ofstream out("/sandbox/all.bin", std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    std::string back = slurp("/sandbox/all.bin");
    CHECK_MEM("256 binary bytes read back", back.data(), back.size(), bytes.data(), bytes.size());
    {
        std::ifstream in("/sandbox/all.bin", std::ios::binary);
        in.seekg(0, std::ios::end);
        CHECK_INT("tellg at the end is the size", static_cast<long long>(in.tellg()), 256);
        in.seekg(200);
        char c = 0;
        in.get(c);
        CHECK_INT("seekg(200) then get", static_cast<unsigned char>(c), 200);
        CHECK_INT("tellg after get", static_cast<long long>(in.tellg()), 201);
        in.seekg(-11, std::ios::cur);
        in.get(c);
        CHECK_INT("seekg relative", static_cast<unsigned char>(c), 190);
    }
    {
        std::fstream io("/sandbox/all.bin", std::ios::in | std::ios::out | std::ios::binary);
        CHECK_TRUE("fstream in|out opens", io.is_open());
        io.seekp(10);
        io.write("XYZ", 3);
        io.seekg(9);
        char got[5] = {0};
        io.read(got, 5);
        CHECK_MEM("read after an overwrite in the middle", got, 5, "\x09XYZ\x0d", 5);
    }
    CHECK_INT("the file did not grow", slurp("/sandbox/all.bin").size(), 256);

    std::ifstream missing("/sandbox/missing.txt");
    CHECK_TRUE("ifstream of a missing file fails", !missing.is_open());
    std::ofstream nodir("/sandbox/nodir/x.txt");
    CHECK_TRUE("ofstream in a missing directory fails", !nodir.is_open());
    std::ofstream outside("/elsewhere/x.txt");
    CHECK_TRUE("ofstream outside any preopen fails", !outside.is_open());

    CHECK_INT("std::rename", std::rename("/sandbox/all.bin", "/sandbox/renamed.bin"), 0);
    CHECK_INT("renamed size", slurp("/sandbox/renamed.bin").size(), 256);
    CHECK_INT("std::remove", std::remove("/sandbox/renamed.bin"), 0);
    std::ifstream gone("/sandbox/renamed.bin");
    CHECK_TRUE("a removed file no longer opens", !gone.is_open());
    return check_done();
}
