UPDATE message_threads SET assigned_to = :assigned_to WHERE id = :id
