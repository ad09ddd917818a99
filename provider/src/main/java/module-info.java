/**
 * The PQIPsec JCA provider: hybrid ML-KEM key encapsulation through {@code javax.crypto.KEM} and
 * the IKEv2 key schedule through {@code javax.crypto.KDF}.
 */
module org.pqipsec.provider {
    exports org.pqipsec.provider;
    exports org.pqipsec.provider.ike;
    exports org.pqipsec.provider.spec;

    provides java.security.Provider with org.pqipsec.provider.PQIPsecProvider;
}
