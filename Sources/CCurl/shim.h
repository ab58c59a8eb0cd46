#ifndef PORTCULLIS_CCURL_SHIM_H
#define PORTCULLIS_CCURL_SHIM_H

/*
 * The libcurl boundary. Swift cannot call C variadic functions, and libcurl's
 * option setters and info getters are variadic, so each use gets a typed,
 * `pc_curl_`-prefixed inline wrapper here. The OpenSSL calls that read the
 * negotiated TLS session also live here, so Swift never sees an `SSL *`.
 *
 * Everything is `static inline`: a `.systemLibrary` target cannot hold .c files.
 */

#include <curl/curl.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>

/* ---- global ---- */

/* curl_global_init(CURL_GLOBAL_ALL): CURL_GLOBAL_ALL imports as Int32 while the call takes a long. */
static inline CURLcode pc_curl_global_init_all(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/* ---- easy handle options ---- */

static inline CURLcode pc_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/* CURLOPT_WRITEFUNCTION */
static inline CURLcode pc_curl_easy_setopt_write_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/* CURLOPT_HEADERFUNCTION (same signature as the write callback) */
static inline CURLcode pc_curl_easy_setopt_header_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/* CURLOPT_PREREQFUNCTION (libcurl >= 7.80): called with the connected peer's IP after the connection is made
   or its reuse confirmed, before the request is sent; returning CURL_PREREQFUNC_ABORT ends the transfer with
   CURLE_ABORTED_BY_CALLBACK. Older libcurl reports CURLE_UNKNOWN_OPTION, so the check fails closed. */
#if LIBCURL_VERSION_NUM >= 0x075000
static inline CURLcode pc_curl_easy_setopt_prereq_function(CURL *handle, curl_prereq_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, callback);
}

static inline CURLcode pc_curl_easy_setopt_prereq_data(CURL *handle, void *data) {
    return curl_easy_setopt(handle, CURLOPT_PREREQDATA, data);
}
#else
typedef int (*curl_prereq_callback)(void *clientp, char *conn_primary_ip, char *conn_local_ip,
                                    int conn_primary_port, int conn_local_port);
#define CURL_PREREQFUNC_OK 0
#define CURL_PREREQFUNC_ABORT 1
static inline CURLcode pc_curl_easy_setopt_prereq_function(CURL *handle, curl_prereq_callback callback) {
    (void)handle;
    (void)callback;
    return CURLE_UNKNOWN_OPTION;
}

static inline CURLcode pc_curl_easy_setopt_prereq_data(CURL *handle, void *data) {
    (void)handle;
    (void)data;
    return CURLE_UNKNOWN_OPTION;
}
#endif

/* ---- easy handle info ---- */

static inline CURLcode pc_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode pc_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* Number of certificates CURLINFO_CERTINFO holds (0 when none, e.g. on a reused connection). */
static inline int pc_curl_certinfo_count(CURL *handle) {
    struct curl_certinfo *certinfo = NULL;
    if (curl_easy_getinfo(handle, CURLINFO_CERTINFO, &certinfo) != CURLE_OK || certinfo == NULL) {
        return 0;
    }
    return certinfo->num_of_certs;
}

/* The PEM text of certificate `index` from CURLINFO_CERTINFO (its "Cert:" entry), or NULL.
   The pointer is owned by the handle and valid until the handle is cleaned up or reused. */
static inline const char *pc_curl_certinfo_pem(CURL *handle, int index) {
    struct curl_certinfo *certinfo = NULL;
    if (curl_easy_getinfo(handle, CURLINFO_CERTINFO, &certinfo) != CURLE_OK || certinfo == NULL) {
        return NULL;
    }
    if (index < 0 || index >= certinfo->num_of_certs) {
        return NULL;
    }
    for (struct curl_slist *entry = certinfo->certinfo[index]; entry != NULL; entry = entry->next) {
        if (entry->data != NULL && strncmp(entry->data, "Cert:", 5) == 0) {
            return entry->data + 5;
        }
    }
    return NULL;
}

/* The OpenSSL session of a transfer in progress (CURLINFO_TLS_SSL_PTR), or NULL. */
static inline SSL *pc_curl_openssl_session(CURL *handle) {
    struct curl_tlssessioninfo *info = NULL;
    if (curl_easy_getinfo(handle, CURLINFO_TLS_SSL_PTR, &info) != CURLE_OK || info == NULL) {
        return NULL;
    }
    if (info->backend != CURLSSLBACKEND_OPENSSL || info->internals == NULL) {
        return NULL;
    }
    return (SSL *)info->internals;
}

/* Negotiated protocol version such as "TLSv1.3", or NULL over plain HTTP.
   Only valid during the transfer (call it from the header or write callback).
   The returned string is static in OpenSSL. */
static inline const char *pc_curl_tls_version(CURL *handle) {
    SSL *ssl = pc_curl_openssl_session(handle);
    return ssl == NULL ? NULL : SSL_get_version(ssl);
}

/* Negotiated cipher suite name as OpenSSL spells it, or NULL. Same validity as pc_curl_tls_version. */
static inline const char *pc_curl_tls_cipher(CURL *handle) {
    SSL *ssl = pc_curl_openssl_session(handle);
    if (ssl == NULL) {
        return NULL;
    }
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
    return cipher == NULL ? NULL : SSL_CIPHER_get_name(cipher);
}

/* The peer's certificate chain (leaf first) as concatenated PEM, read straight from the OpenSSL
   session; used when CURLINFO_CERTINFO is empty because the connection was reused.
   Returns a malloc'd string the caller frees with pc_curl_free_string, or NULL. */
static inline char *pc_curl_tls_peer_chain_pem(CURL *handle) {
    SSL *ssl = pc_curl_openssl_session(handle);
    if (ssl == NULL) {
        return NULL;
    }
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
    if (chain == NULL) {
        return NULL;
    }
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) {
        return NULL;
    }
    int count = sk_X509_num(chain);
    for (int i = 0; i < count; i++) {
        X509 *certificate = sk_X509_value(chain, i);
        if (certificate != NULL) {
            PEM_write_bio_X509(bio, certificate);
        }
    }
    char *data = NULL;
    long length = BIO_get_mem_data(bio, &data);
    char *result = NULL;
    if (length > 0 && data != NULL) {
        result = (char *)malloc((size_t)length + 1);
        if (result != NULL) {
            memcpy(result, data, (size_t)length);
            result[length] = '\0';
        }
    }
    BIO_free(bio);
    return result;
}

static inline void pc_curl_free_string(char *string) {
    free(string);
}

/* ---- multi handle ---- */

static inline CURLMcode pc_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/* Reads the next finished transfer from curl_multi_info_read.
   Returns 1 and fills `easy` and `result` for a CURLMSG_DONE message, 0 when no more messages remain. */
static inline int pc_curl_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result) {
    int remaining = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &remaining)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *easy = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

#endif
