/**
 * What-if planning for purchasers: scenarios that change a copy of today's supply, and purchase advice tried as such
 * scenarios, both solved with matching's facts and engine and published with the reports' small-cell protection.
 */
package nl.passend.scenario;
