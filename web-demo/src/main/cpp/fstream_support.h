// Makes <fstream> link against Debian's wasm32 libc++, which is built without filesystem support: the build puts
// a __config_site without _LIBCPP_HAS_NO_FILESYSTEM first on the include path (see compile-examples), so the
// header declares the file streams as extern templates; that libc++.a holds no instantiation of them, so the
// program instantiates them here, once.
#ifndef PLAYGROUND_FSTREAM_SUPPORT_H
#define PLAYGROUND_FSTREAM_SUPPORT_H

#include <fstream>

template class std::basic_filebuf<char>;
template class std::basic_ifstream<char>;
template class std::basic_ofstream<char>;

#endif
