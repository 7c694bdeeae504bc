SELECT line1, city FROM premises WHERE id = :premise
