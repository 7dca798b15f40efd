/** Reading ID documents and forms: warnings on a reading and errors on bad input files. */
export const documentReadingIt = {
  'documentReading.warning.unreadable': 'Documento non leggibile: nessun dato è stato riconosciuto. Acquisire di nuovo l’immagine (documento intero, ben illuminato, non sfocato).',
  'documentReading.warning.sideMissing': 'Manca un lato del documento: acquisire anche il {side}.',
  'documentReading.warning.mrzUnreadable': 'La zona a lettura ottica (MRZ) non è stata letta con certezza: i dati vengono dal testo stampato e vanno verificati.',
  'documentReading.warning.mrzNameTruncated': 'Il nome nella zona a lettura ottica (MRZ) è troncato e il nome stampato non è stato letto: verificare nome e cognome.',
  'documentReading.warning.printedDiffersFromMrz': 'Il campo «{field}» stampato ({printed}) non coincide con la zona a lettura ottica ({mrz}): vale il dato della MRZ, verificarlo.',
  'documentReading.warning.fiscalCodeConflict': 'Il codice fiscale letto dal codice a barre ({barcode}) è diverso da quello stampato ({printed}): vale il codice a barre, verificarlo.',
  'documentReading.warning.mixedDocuments': 'Le immagini contengono documenti diversi: è stato letto solo il documento di identità ({type}).',
  'documentReading.side.front': 'fronte',
  'documentReading.side.back': 'retro',
  'documentReading.error.empty': 'Il file «{file}» è vuoto (0 byte).',
  'documentReading.error.notAnImage': 'Il file «{file}» non è un’immagine né un PDF leggibile (formati accettati: JPEG, PNG, TIFF, WebP, PDF).',
  'documentReading.error.corrupt': 'Il file «{file}» è danneggiato o incompleto e non può essere letto. Acquisire di nuovo il documento.',
  'documentReading.error.tooLarge': 'L’immagine «{file}» è troppo grande ({megapixels} megapixel; massimo {limit}): non è stata aperta. Acquisire a una risoluzione più bassa (300 dpi bastano).',
  'documentReading.error.pdfPassword': 'Il PDF «{file}» è protetto da password e non può essere letto. Chiedere una copia senza password.',
  'documentReading.error.pdfMalformed': 'Il PDF «{file}» è danneggiato e non può essere letto.',
  'documentReading.error.unreadableFile': 'Il file «{file}» non può essere aperto.',
} as const;
