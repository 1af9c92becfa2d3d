/** The places where providers give care, each in a municipality and so in a youth region. */
package nl.passend.location;
