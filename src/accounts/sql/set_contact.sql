UPDATE persons SET email = :email, phone = :phone WHERE id = :id
