package org.kaohe.appeal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An appeal with the outcome it concerns (machine, effective, all its appeals), for a reviewer's inbox. */
@JsonPropertyOrder({ "outcome" })
public record AppealView(@JsonUnwrapped Appeal appeal, OutcomeRecord outcome) {
}
