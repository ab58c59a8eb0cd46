#ifndef PORTCULLIS_COPENSSL_SHIM_H
#define PORTCULLIS_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/ocsp.h>
#include <stdint.h>

/* Typed wrappers for libssl macros and variadic controls, so Swift never sees a macro or a cast.
   Only the OpenSSLProbe module includes this header. */

/* SSL_OP_* are 64-bit macros built with a cast, which Swift does not import. */
static const uint64_t PORTCULLIS_OP_NO_TICKET = SSL_OP_NO_TICKET;
static const uint64_t PORTCULLIS_OP_LEGACY_SERVER_CONNECT = SSL_OP_LEGACY_SERVER_CONNECT;
static const uint64_t PORTCULLIS_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION = SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;

static inline int portcullis_ssl_set_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline int portcullis_ssl_set_min_proto_version(SSL *ssl, int version) {
    return (int)SSL_set_min_proto_version(ssl, version);
}

static inline int portcullis_ssl_set_max_proto_version(SSL *ssl, int version) {
    return (int)SSL_set_max_proto_version(ssl, version);
}

static inline int portcullis_ssl_request_ocsp_status(SSL *ssl) {
    return (int)SSL_set_tlsext_status_type(ssl, TLSEXT_STATUSTYPE_ocsp);
}

/* Length of the stapled OCSP response (pointer into the SSL, valid until SSL_free), or -1 when none. */
static inline long portcullis_ssl_get_ocsp_response(SSL *ssl, const unsigned char **response) {
    unsigned char *bytes = NULL;
    long length = SSL_get_tlsext_status_ocsp_resp(ssl, &bytes);
    *response = bytes;
    return bytes == NULL ? -1 : length;
}

static inline int portcullis_ssl_secure_renegotiation_support(SSL *ssl) {
    return (int)SSL_get_secure_renegotiation_support(ssl);
}

static inline int portcullis_bio_set_mem_eof_return(BIO *bio, int value) {
    return (int)BIO_set_mem_eof_return(bio, value);
}

static inline int portcullis_x509_stack_count(const STACK_OF(X509) *stack) {
    return stack == NULL ? 0 : sk_X509_num(stack);
}

static inline X509 *portcullis_x509_stack_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}

/* Every verification error of one connection, recorded by the verify callback below (bounded, no allocation). */
#define PORTCULLIS_VERIFY_LOG_CAPACITY 64
typedef struct {
    int count;
    int depth[PORTCULLIS_VERIFY_LOG_CAPACITY];
    int code[PORTCULLIS_VERIFY_LOG_CAPACITY];
} portcullis_verify_log;

/* Records each failure in the SSL's app-data log and returns 1, so the handshake goes on and later errors
   are seen too. */
static inline int portcullis_verify_callback(int preverify_ok, X509_STORE_CTX *store) {
    if (preverify_ok) return 1;
    SSL *ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
    portcullis_verify_log *log = ssl == NULL ? NULL : (portcullis_verify_log *)SSL_get_app_data(ssl);
    if (log != NULL && log->count >= 0 && log->count < PORTCULLIS_VERIFY_LOG_CAPACITY) {
        log->depth[log->count] = X509_STORE_CTX_get_error_depth(store);
        log->code[log->count] = X509_STORE_CTX_get_error(store);
        log->count += 1;
    }
    return 1;
}

/* Verifies the peer and records every error into `log` (which must outlive the SSL's handshakes). */
static inline void portcullis_ssl_verify_into(SSL *ssl, portcullis_verify_log *log) {
    SSL_set_app_data(ssl, log);
    SSL_set_verify(ssl, SSL_VERIFY_PEER, portcullis_verify_callback);
}

static inline int portcullis_verify_log_depth(const portcullis_verify_log *log, int index) {
    return index >= 0 && index < log->count && index < PORTCULLIS_VERIFY_LOG_CAPACITY ? log->depth[index] : -1;
}

static inline int portcullis_verify_log_code(const portcullis_verify_log *log, int index) {
    return index >= 0 && index < log->count && index < PORTCULLIS_VERIFY_LOG_CAPACITY ? log->code[index] : -1;
}

#endif
