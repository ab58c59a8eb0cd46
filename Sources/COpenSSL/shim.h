#ifndef PORTCULLIS_COPENSSL_SHIM_H
#define PORTCULLIS_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/ocsp.h>
#endif
