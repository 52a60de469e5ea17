// fstream_support.h: makes <fstream> usable with Debian's wasm32 libc++.
//
// That libc++ is built with LIBCXX_ENABLE_FILESYSTEM=OFF, which hides <fstream>; build-guests.sh
// (and the playground's compile-examples, which includes this header from here) puts a
// __config_site without _LIBCPP_HAS_NO_FILESYSTEM first on the include path. The header
// then declares basic_filebuf<char>, basic_ifstream<char> and basic_ofstream<char> as extern
// templates, expecting their instantiations in libc++.a, which has none: a guest using file
// streams instantiates them itself, once, by including this header.
#ifndef CONFORMANCE_FSTREAM_SUPPORT_H
#define CONFORMANCE_FSTREAM_SUPPORT_H

#include <fstream>

template class std::basic_filebuf<char>;
template class std::basic_ifstream<char>;
template class std::basic_ofstream<char>;

#endif
