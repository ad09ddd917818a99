/**
 * Support for registering the provider's services so that they work when the provider runs as
 * a named module whose implementation packages are not exported.
 */
package org.pqipsec.provider.service;
