/** Contracts: what (groups of) municipalities buy from a provider, at which daily tariffs, within which ceilings. */
package nl.passend.contract;
