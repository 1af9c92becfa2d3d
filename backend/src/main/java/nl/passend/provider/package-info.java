/** Care providers: the care-provider organisations whose locations and offers the region registers. */
package nl.passend.provider;
