/**
 * The matching engine in plain Java: planning model, constraints and explanations; it knows nothing of Spring or JPA.
 */
package nl.passend.solver;
