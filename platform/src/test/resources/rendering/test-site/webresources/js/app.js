console.log("usines ouvertes");
