package io.rafttorture.results.checker.model;

import io.rafttorture.results.history.Operation;
import java.util.List;

/**
 * A part of a history that can be checked independently of the others (P-compositionality): the operations on
 * one {@code key} (null when the model does not partition), and the model that checks them (for a keyed model,
 * the per-key model, the operations' values then being the per-key values).
 */
public record Partition(String key, List<Operation> operations, Model<?> model) {
    public Partition {
        operations = List.copyOf(operations);
    }
}
