/** Who is calling: authentication by HTTP Basic or JWT, the roles, the access rules per operation and login throttling. */
package nl.passend.security;
