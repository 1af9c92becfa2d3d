/** User accounts: who may sign in with a password, in which role, for which organisation. */
package nl.passend.user;
