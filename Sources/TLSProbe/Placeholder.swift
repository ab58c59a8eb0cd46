// TLS wire format.
