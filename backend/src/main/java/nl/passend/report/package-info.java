/**
 * Reports for joint procurement: where care is missing and why, and how contracts are used. Aggregates only, read
 * with SQL from the other features' tables, and every count from 1 to 4 protected by {@link SmallCells}.
 */
package nl.passend.report;
