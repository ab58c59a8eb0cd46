#ifndef PORTCULLIS_CLIBXML2_SHIM_H
#define PORTCULLIS_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU; the ICU types clash with Foundation's when both are imported.
   xmlversion.h defines LIBXML_ICU_ENABLED, so include it first and undefine the macro before
   any header that would pull in ICU. We never touch the ICU-dependent struct members. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>

/* Error handlers that drop everything: libxml2 otherwise prints parse and XPath errors to stderr. */
static inline void pc_xml_ignore_structured_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

static inline void pc_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* Installs the silent handlers on the calling thread (libxml2's error globals are thread-local). */
static inline void pc_xml_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, pc_xml_ignore_structured_error);
    xmlSetGenericErrorFunc(NULL, pc_xml_ignore_generic_error);
}

/* `xmlFree` is a global function-pointer variable; Swift 6 cannot read it safely. */
static inline void pc_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* 1 when libxml2 (built-in, iconv or ICU) can decode `name`, else 0. */
static inline int pc_xml_encoding_supported(const char *name) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
    if (handler == NULL) {
        return 0;
    }
    xmlCharEncCloseFunc(handler);
    return 1;
}

/* Parses an HTML buffer with silent error handlers installed on this thread. */
static inline htmlDocPtr pc_xml_html_read_memory(const char *buffer, int size, const char *encoding, int options) {
    pc_xml_silence_errors();
    return htmlReadMemory(buffer, size, NULL, encoding, options);
}

/* A fresh XPath context on `doc` whose evaluation is bounded by `op_limit` operations (0 = unbounded). */
static inline xmlXPathContextPtr pc_xml_xpath_context(xmlDocPtr doc, unsigned long op_limit) {
    pc_xml_silence_errors();
    xmlXPathContextPtr context = xmlXPathNewContext(doc);
    if (context != NULL) {
        context->opLimit = op_limit;
        context->error = pc_xml_ignore_structured_error;
    }
    return context;
}

/* Element node type as an int, avoiding enum import differences. */
static inline int pc_xml_node_type(const xmlNode *node) {
    return (int)node->type;
}

/* Number of nodes in an XPath result's node set (0 when it is not a node set). */
static inline int pc_xml_xpath_node_count(const xmlXPathObject *object) {
    if (object == NULL || object->type != XPATH_NODESET || object->nodesetval == NULL) {
        return 0;
    }
    return object->nodesetval->nodeNr;
}

/* The `index`th node of an XPath result's node set. */
static inline xmlNodePtr pc_xml_xpath_node_at(const xmlXPathObject *object, int index) {
    return object->nodesetval->nodeTab[index];
}

#endif
