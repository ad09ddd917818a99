/**
 * ESP (RFC 4303) encapsulation and decapsulation with AES-GCM (RFC 4106).
 */
package org.pqipsec.esp;
