#ifndef PORTCULLIS_CLIBXML2_SHIM_H
#define PORTCULLIS_CLIBXML2_SHIM_H
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#endif
