/**
 * Secret key objects that the provider returns and that the caller can destroy. The package is
 * not exported.
 */
package org.pqipsec.provider.key;
