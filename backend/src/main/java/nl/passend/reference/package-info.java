/** Reference data that the region shares as fact: youth regions, municipalities, iJw care types, specialisms, security levels. */
package nl.passend.reference;
