/** What every feature shares: errors as problem documents, paging and optimistic locking. */
package nl.passend.shared;
