/** The organisations that take part in the region: municipalities, justice partners and care providers. */
package nl.passend.organisation;
