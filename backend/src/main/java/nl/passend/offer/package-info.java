/** Offers: what a location offers, for whom, and how many places are free. */
package nl.passend.offer;
