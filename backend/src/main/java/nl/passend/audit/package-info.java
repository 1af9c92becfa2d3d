/** The append-only audit trail: who did what to which resource, written in the same transaction as the deed. */
package nl.passend.audit;
