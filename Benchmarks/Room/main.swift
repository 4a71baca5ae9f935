print("room-bench")
