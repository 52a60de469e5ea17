// cxx_filesystem_path: the part of std::filesystem that Debian's wasm32 libc++ provides.
//
// Its libc++.a contains path.cpp, filesystem_clock.cpp and filesystem_error.cpp but not
// operations.cpp or directory_iterator.cpp, so create_directories, directory_iterator, file_size,
// remove_all and the other operations do not link (see build-guests.sh). What remains is
// std::filesystem::path, the file_time_type clock (which reads WASI's realtime clock) and file
// streams opened from a path.
#include <chrono>
#include <filesystem>
#include <string>

#include "check.h"
#include "fstream_support.h"

namespace fs = std::filesystem;

int main() {
    check_begin("cxx_filesystem_path");
    fs::path p("/sandbox/dir/file.tar.gz");
    CHECK_STR("filename", p.filename().c_str(), "file.tar.gz");
    CHECK_STR("stem", p.stem().c_str(), "file.tar");
    CHECK_STR("extension", p.extension().c_str(), ".gz");
    CHECK_STR("parent_path", p.parent_path().c_str(), "/sandbox/dir");
    CHECK_STR("root_path", p.root_path().c_str(), "/");
    CHECK_STR("relative_path", p.relative_path().c_str(), "sandbox/dir/file.tar.gz");
    CHECK_TRUE("is_absolute", p.is_absolute());
    CHECK_STR("operator/", (fs::path("/sandbox") / "a" / "b.txt").c_str(), "/sandbox/a/b.txt");
    CHECK_STR("lexically_normal", fs::path("/sandbox/./a/../b//c.txt").lexically_normal().c_str(), "/sandbox/b/c.txt");
    CHECK_STR("lexically_relative", fs::path("/sandbox/a/b").lexically_relative("/sandbox/c").c_str(), "../a/b");
    CHECK_STR("replace_extension", fs::path("x/y.txt").replace_extension(".md").c_str(), "x/y.md");
    int parts = 0;
    for (const auto &part : fs::path("/sandbox/a/b")) {
        (void)part;
        parts++;
    }
    CHECK_INT("iterating /sandbox/a/b gives 4 parts", parts, 4);
    CHECK_STR("UTF-8 survives", fs::path("/sandbox/grüße ✓.txt").filename().c_str(), "grüße ✓.txt");

    auto now = fs::file_time_type::clock::now();
    auto since_epoch = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    // file_time_type's clock counts from the Unix epoch in libc++: after 2020-01-01.
    CHECK_TRUE("file_time_type::clock::now() is current", since_epoch > 1577836800LL);

    fs::path file = fs::path("/sandbox") / "from_path.txt";
    {
        std::ofstream out(file);
        out << "written via a path\n";
        CHECK_TRUE("ofstream from a std::filesystem::path", out.is_open());
    }
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    CHECK_STR("read back through a path", line.c_str(), "written via a path");
    return check_done();
}
