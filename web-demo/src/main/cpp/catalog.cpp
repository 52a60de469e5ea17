// catalog [DIR] [REPORT]: walks DIR (default ".") and reports, per file extension, how many files there are and
// how many bytes they hold, then the largest files; the same table is written to REPORT (default catalog.txt).
// C++17: iostream and iomanip for the table, std::filesystem::path for every path, std::ofstream for the report.
//
// Debian's wasm32 libc++ carries std::filesystem::path but not the compiled directory operations
// (directory_iterator, file_size), so the walk itself uses <dirent.h> and stat().
#include <algorithm>
#include <dirent.h>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "fstream_support.h"

namespace fs = std::filesystem;

struct Entry {
    fs::path path;
    long long size;
};

static void walk(const fs::path &dir, std::vector<Entry> &files, int &errors) {
    DIR *d = opendir(dir.c_str());
    if (d == nullptr) {
        std::cerr << "catalog: cannot open " << dir << '\n';
        errors++;
        return;
    }
    std::vector<fs::path> children;
    while (dirent *entry = readdir(d)) {
        std::string name = entry->d_name;
        if (name != "." && name != "..") children.push_back(dir / name);
    }
    closedir(d);
    std::sort(children.begin(), children.end());
    for (const fs::path &child : children) {
        struct stat st;
        if (lstat(child.c_str(), &st) != 0) {
            std::cerr << "catalog: cannot stat " << child << '\n';
            errors++;
        } else if (S_ISDIR(st.st_mode)) {
            walk(child, files, errors);
        } else if (S_ISREG(st.st_mode)) {
            files.push_back({child.lexically_normal(), static_cast<long long>(st.st_size)});
        }
    }
}

int main(int argc, char **argv) {
    fs::path root = argc > 1 ? argv[1] : ".";
    fs::path report = argc > 2 ? argv[2] : "catalog.txt";
    std::vector<Entry> files;
    int errors = 0;
    walk(root, files, errors);

    struct Group {
        int count = 0;
        long long bytes = 0;
    };
    std::map<std::string, Group> groups;
    for (const Entry &file : files) {
        std::string extension = file.path.extension().string();
        Group &group = groups[extension.empty() ? "(none)" : extension];
        group.count++;
        group.bytes += file.size;
    }

    std::ostringstream table;
    table << "Files under " << root.string() << ": " << files.size() << "\n\n";
    table << std::left << std::setw(12) << "extension" << std::right << std::setw(7) << "files" << std::setw(10)
          << "bytes" << '\n';
    for (const auto &[extension, group] : groups) {
        table << std::left << std::setw(12) << extension << std::right << std::setw(7) << group.count
              << std::setw(10) << group.bytes << '\n';
    }
    std::sort(files.begin(), files.end(), [](const Entry &a, const Entry &b) {
        return a.size != b.size ? a.size > b.size : a.path < b.path;
    });
    table << "\nLargest:\n";
    for (size_t i = 0; i < files.size() && i < 3; i++) {
        table << std::setw(10) << files[i].size << "  " << files[i].path.lexically_relative(root).string() << '\n';
    }
    std::cout << table.str();

    std::ofstream out(report);
    out << table.str();
    out.close();
    if (!out) {
        std::cerr << "catalog: cannot write " << report << '\n';
        return 1;
    }
    std::cout << "\nReport written to " << report.string() << " (" << table.str().size() << " bytes).\n";
    return errors == 0 ? 0 : 1;
}
