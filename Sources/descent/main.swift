print("descent")
