package nl.passend.shared;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * What every page's forms and filters share: a field left empty, or only spaces, is absent, as in the API's JSON (not
 * an empty string that breaks a pattern, an empty password that replaces one, or a filter on ""); the spaces around
 * a value go.
 */
@ControllerAdvice(annotations = PageController.class)
class PageForms {

    @InitBinder
    void emptyIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }
}
