/** The web application's frame: sign-in page, start page per role, language and the layout every page uses. */
package nl.passend.web;
